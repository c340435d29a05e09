from mockint.cli import entry

entry()
