"""mockint: a local, voice-first mock interviewer for second-round interviews."""

__version__ = "0.1.0"
