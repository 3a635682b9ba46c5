package org.onegrid.dispatch;

/** A message with the category people finally settled on: one training or test example. */
public record LabelledText(String id, String title, String text, String label) {
}
