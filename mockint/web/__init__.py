"""`mockint serve`: the practice session in a local web page (server.py), fed by the browser's
microphone (bridge.py), with what the page shows as plain JSON messages (messages.py) and the
page itself in static/."""
