"""Every error jdclass raises on purpose. The CLI turns these into one line on stderr."""


class JdclassError(Exception):
    """Base class of jdclass's domain errors."""


class UnknownLevel(JdclassError):
    """A level code that is not on the ladder."""


class CorpusError(JdclassError):
    """A corpus file is malformed; the message reads ``path:line: what is wrong``."""


class InputError(JdclassError):
    """The input text or file cannot be classified."""


class EmptyInput(InputError):
    """The input holds no text."""


class InputTooLarge(InputError):
    """The input is larger than the configured limit."""


class UnsupportedFormat(InputError):
    """The file type is not one jdclass can read."""


class CorruptFile(InputError):
    """The file could not be decoded or is damaged."""


class EncryptedFile(InputError):
    """The file needs a password to open."""


class OutputExists(JdclassError):
    """The output file already holds rows, and neither resuming nor overwriting it was asked for."""


class MissingExtra(JdclassError):
    """An optional dependency is needed; the message names the pip command."""


class ModelError(JdclassError):
    """Base class for problems with a trained model."""


class ModelNotFound(ModelError):
    """No trained model at the given path."""


class ModelIntegrityError(ModelError):
    """The model file does not match its manifest (hash, versions or labels)."""


class TrainingError(JdclassError):
    """The training data cannot produce a model."""


def one_line(error: BaseException) -> str:
    """An error as one line (a batch row's ``error`` column, a message that quotes another error)."""
    return " ".join(str(error).split()) or type(error).__name__
