"""Minutes Miner: UK council minutes -> a queryable record of decisions, promises,
money and schemes, tracked across meetings and years."""

__version__ = "0.1.0"
