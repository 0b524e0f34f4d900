"""What every app shares: access errors, tokens, scales and k, the active language, and the
helpers views use. A rule that more than one app needs lives here, once.

`errors`, `scales` and `tokens` import nothing from the apps; `scales` imports nothing at all,
so the pure analysis package can use it too. Keep this file empty of imports.
"""
