"""The web view: `dossier serve` pages and JSON API, read-only over a built dossier."""
