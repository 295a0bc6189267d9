"""adwatch's demo world: seeded synthetic advert sites with an answer key.

A separate distribution (`adwatch-demo`, `pip install -e ./demo`): development, tests and
`adwatch demo` use it; production installs of adwatch do not carry it.
"""
