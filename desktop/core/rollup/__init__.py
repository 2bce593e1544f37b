"""县区汇总 → 市局: the county's signed roll-up package, and the city that merges them (DESIGN §14)."""
