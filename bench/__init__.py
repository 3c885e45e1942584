"""Kumozu benchmarks: a generator of realistic designs and a harness that times Kumozu against its peers."""
