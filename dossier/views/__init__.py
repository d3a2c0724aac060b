"""Stage 8, views: what a built dossier is turned into for people and programs."""
