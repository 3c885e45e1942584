"""Catalogues of the validators' texts in other languages (``ja.yaml``) and the trace story told in
them (:mod:`.trace_story`). See :mod:`validators.i18n`."""
