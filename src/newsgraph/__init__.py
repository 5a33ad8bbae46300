"""newsgraph: business news as a sourced, time-aware knowledge graph."""

from newsgraph.model import ArticleFacts, Document, Entity, Fact

__all__ = ["ArticleFacts", "Document", "Entity", "Fact", "__version__"]
__version__ = "0.1.0"
