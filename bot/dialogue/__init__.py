"""The dialogue: a message and the conversation state → one act (``interpret``) → a reply (``handle``).

One hop per behaviour: what a message means is in ``interpret``; what the bot then does is in ``topics`` (answers
about a policy), ``flows`` (checklists and the questionnaire) and ``repair`` (corrections, resuming, cancelling,
fallbacks); ``handle`` maps each act to its handler.
"""
