"""Alert rules: thresholds with hysteresis, geofences, dark vessels, and the alert inbox."""
