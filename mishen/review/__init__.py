"""The reviewer queue (SQLAlchemy store), the reviewer web UI and the CMS pre-publish gate (FastAPI)."""
