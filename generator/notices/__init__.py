"""Public notices (公示, 通报, 通知, 公告): model → load (periods in working days) → check → status on a day → pages and feeds."""
