"""A case: the sessions with the same case code in a sessions folder, from the
retrospective analysis through the prospective analysis and the core team's meetings
to the evaluation. Read (`collect`), summed up (`state`) and carried on (`prefill`),
without any UI."""

# The sessions that follow a retrospective analysis, in the order a case has them. Here,
# free of imports, so the command line can offer them without loading the models.
FOLLOW_UPS = ("prospective", "meeting", "evaluation")
