"""Bundling cases into what a region learns (issue 16): the index of the sessions'
catalogue data, the anonymous case records, the counts and the regional report."""
