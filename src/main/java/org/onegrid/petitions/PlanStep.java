package org.onegrid.petitions;

import java.time.LocalDate;

/** A step of a task force's plan as typed: what is done, by when. */
public record PlanStep(String description, LocalDate dueOn) {
}
