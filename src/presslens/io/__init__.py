"""Articles in: the Article type and the readers of text, HTML, stdin and JSONL."""
