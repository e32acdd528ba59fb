package org.onestop.security;

/** The columns of the authorisation matrix: who makes the request, by their table heading. */
enum Caller {
    ANONYMOUS("anon"),
    CITIZEN("cit"),
    ENTERPRISE("ent"),
    OWNING_OFFICIAL("own"),
    OTHER_OFFICIAL("oth"),
    MODERATOR("mod"),
    ADMIN("adm"),
    CLERK("clk"),
    SUPERVISOR("sup");

    final String heading;

    Caller(String heading) {
        this.heading = heading;
    }
}
