"""A small Flask web app: GET / says hello, GET /health answers ok."""
import os
from importlib.metadata import version

from flask import Flask, jsonify

app = Flask(__name__)


@app.get("/")
def index():
    return jsonify(message="Hello from Flask", flask=version("flask"))


@app.get("/health")
def health():
    return "ok\n"


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(os.environ.get("PORT", "5000")))
