"""Version numbers of the program and of the native file format."""

__version__ = "0.1.0"

#: The native format version this program writes. A file with a larger number was written by a newer
#: Kumozu and is refused rather than guessed at (and never overwritten).
FORMAT_VERSION = 1
