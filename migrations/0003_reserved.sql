-- Reserved: number 0003 belongs to a migration on another branch (trust / first contact or review).
-- This placeholder keeps the numbering gap-free on the `files` branch; delete it when that branch lands.
SELECT 1;
