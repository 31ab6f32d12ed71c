"""The report page's template and style sheet: a package only so that the wheel ships them."""
