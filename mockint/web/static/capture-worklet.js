// mockint: the microphone as 16 kHz mono 16-bit PCM, in 50 ms blocks for the WebSocket.
//
// The AudioContext runs at the device's rate (44.1 or 48 kHz, whatever the browser picks); this
// processor low-passes below 7.2 kHz (a 63-tap windowed sinc, so nothing above the new Nyquist
// folds back into the speech band) and resamples by linear interpolation between the filtered
// samples. Every block is posted to the page, which sends it to the server as it is.

const OUT_RATE = 16000;
const BLOCK = 800; // 50 ms at 16 kHz
const TAPS = 63;

function lowPass(cutoff) {
  // cutoff in cycles per input sample; Blackman-windowed sinc, unity gain at DC.
  const h = new Float32Array(TAPS);
  const m = (TAPS - 1) / 2;
  let sum = 0;
  for (let n = 0; n < TAPS; n++) {
    const x = n - m;
    const sinc = x === 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * x) / (Math.PI * x);
    const w = 0.42 - 0.5 * Math.cos((2 * Math.PI * n) / (TAPS - 1)) + 0.08 * Math.cos((4 * Math.PI * n) / (TAPS - 1));
    h[n] = sinc * w;
    sum += h[n];
  }
  for (let n = 0; n < TAPS; n++) h[n] /= sum;
  return h;
}

class Pcm16kProcessor extends AudioWorkletProcessor {
  constructor() {
    super();
    this.step = sampleRate / OUT_RATE; // input samples per output sample
    this.filter = sampleRate > OUT_RATE ? lowPass(7200 / sampleRate) : null;
    this.history = new Float32Array(TAPS - 1);
    this.n = 0; // index of the next input sample
    this.next = 0; // input-sample time of the next output sample
    this.previous = 0; // the last filtered sample
    this.out = new Int16Array(BLOCK);
    this.filled = 0;
    this.port.onmessage = (event) => {
      if (event.data === "flush") this.flush();
    };
  }

  emit(value) {
    const s = Math.max(-1, Math.min(1, value));
    this.out[this.filled++] = s < 0 ? s * 32768 : s * 32767;
    if (this.filled === BLOCK) this.flush();
  }

  flush() {
    if (this.filled === 0) return;
    const block = this.out.slice(0, this.filled);
    this.port.postMessage(block.buffer, [block.buffer]);
    this.filled = 0;
  }

  buffers(length) {
    // One set per render quantum size (128 frames in every browser today): no garbage per block.
    if (!this.mono || this.mono.length !== length) {
      this.mono = new Float32Array(length);
      this.padded = new Float32Array(TAPS - 1 + length);
      this.filtered = new Float32Array(length);
    }
  }

  process(inputs) {
    const input = inputs[0];
    if (!input || input.length === 0) return true;
    const length = input[0].length;
    this.buffers(length);
    const mono = this.mono;
    mono.fill(0);
    for (const channel of input) for (let i = 0; i < length; i++) mono[i] += channel[i] / input.length;
    let work = mono;
    if (this.filter) {
      const padded = this.padded;
      padded.set(this.history, 0);
      padded.set(mono, TAPS - 1);
      work = this.filtered;
      for (let i = 0; i < length; i++) {
        let acc = 0;
        for (let k = 0; k < TAPS; k++) acc += this.filter[k] * padded[i + TAPS - 1 - k];
        work[i] = acc;
      }
      this.history.set(padded.subarray(length));
    }
    for (let i = 0; i < length; i++) {
      const y = work[i];
      while (this.next <= this.n) {
        const frac = this.next - (this.n - 1); // between the previous sample (0) and this one (1)
        this.emit(this.previous + (y - this.previous) * frac);
        this.next += this.step;
      }
      this.previous = y;
      this.n += 1;
    }
    return true;
  }
}

registerProcessor("pcm16k", Pcm16kProcessor);
