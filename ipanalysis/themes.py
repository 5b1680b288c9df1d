def code_measures(measures):
    return [], []
