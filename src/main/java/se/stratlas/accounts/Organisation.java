package se.stratlas.accounts;

/** An organisation that owns data in this instance: a region, a municipality. */
public record Organisation(long id, String code, String name) {
}
