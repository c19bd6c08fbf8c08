"""The overlap exclusion constraint becomes PostgresExclusionConstraint in the migration state.

Nothing changes in any database: PostgreSQL keeps the constraint it has, SQLite never had one.
What changes is the state later migrations are run against: SQLite rebuilds the table for most
changes of Appointment, and with the plain ExclusionConstraint in the state it would write
"EXCLUDE" into CREATE TABLE and fail.
"""

import django.contrib.postgres.fields.ranges
from django.db import migrations, models

import appointments.models
import appointments.postgres


class Migration(migrations.Migration):
    dependencies = [
        ("appointments", "0005_video_link_slot_length_patient_changes"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveConstraint(model_name="appointment", name="appointment_no_overlap"),
                migrations.AddConstraint(
                    model_name="appointment",
                    constraint=appointments.postgres.PostgresExclusionConstraint(
                        condition=models.Q(("status__in", ("booked", "attended", "no_show"))),
                        expressions=[
                            (
                                appointments.models.TsTzRange(
                                    "start", "end", django.contrib.postgres.fields.ranges.RangeBoundary()
                                ),
                                "&&",
                            ),
                            ("doctor", "="),
                        ],
                        name="appointment_no_overlap",
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
