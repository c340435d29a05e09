"""Speech: decode audio, capture the microphone to disk, find speech (VAD), transcribe (whole
files and while the candidate speaks), measure delivery, speak questions, and measure WER."""
