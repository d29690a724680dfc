"""Reads a demand matrix as written by planetlab_matrix.py: a "VMS STEPS" line, then one row per VM."""
import numpy as np


def read_matrix(path):
    with open(path) as f:
        vms, steps = map(int, f.readline().split())
        data = np.loadtxt(f, dtype=np.int64, ndmin=2)
    assert data.shape == (vms, steps), data.shape
    return data
