"""Opened databases for the faces: the bureau's CountyWorkspace (the school's is reporting.SchoolWorkspace)."""
