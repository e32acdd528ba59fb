package org.onestop.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The username is looked up in PostgreSQL, whose text cannot hold a NUL: one is refused as a bad value, not a 500. */
record LoginRequest(@NotBlank @Size(max = 64) @Pattern(regexp = "[^\\x00]*") String username,
        @NotBlank @Size(max = 128) String password) {
}
