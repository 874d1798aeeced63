package dev.billforge.outcomes;

/** The person behind a transition, as the web app or a product's API call names them. */
public record Actor(String id, String email) {
}
