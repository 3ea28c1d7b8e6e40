"""gunicorn reads this file from the directory it is started in (README, "Production").

Calendar feed addresses hold a secret token: gunicorn's access and error logs mask it
(ekosystem.logmask). Start gunicorn from the project directory, or pass `--config` with this file.
"""

logger_class = "ekosystem.logmask.GunicornLogger"
