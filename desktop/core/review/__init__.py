"""审核 / 退回修改 (DESIGN §12): the bureau's review of each school's entries, and the feedback a school received.

``store`` keeps the decisions (the only writer of reviews, review_overall, review_history), ``rules`` says
what a newer revision does to them (a changed entry returns to 未审核, an unchanged one keeps its decision),
``diff`` says what changed in one task between two revisions, and ``received`` keeps, school side, the
feedback packages loaded (feedback_received).
"""
