"""One rule per module; each module is named after its rule id (cidr_overlap.py: cidr-overlap)."""
