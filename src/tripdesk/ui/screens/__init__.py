"""The desk's screens: the main screen of three panes, and each screen and dialog
opened over it (search, help, export, the article, the review of a draft, and the
screens across trips: the ledger, organisations and people, the overview)."""
