package org.citybridge.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A person signing up as a delegate: their address, the name others see, and a password typed
 * twice (its rules are {@link PasswordPolicy}'s, checked by {@link SignUps}).
 */
public record SignUpForm(
		@NotBlank(message = "{account.signup.email.required}") @Email(message = "{account.invite.email.invalid}")
		@Size(max = 254, message = "{account.invite.email.invalid}") String email,
		@NotBlank(message = "{account.signup.name.required}") @Size(max = 200, message = "{account.invite.name.size}") String displayName,
		String password,
		String confirmation) {

	public static SignUpForm empty() {
		return new SignUpForm("", "", "", "");
	}

	/** The same form without the passwords, to show again: a password is never sent back to the page. */
	public SignUpForm withoutPasswords() {
		return new SignUpForm(this.email, this.displayName, "", "");
	}

	@Override
	public String toString() {
		return "SignUpForm[" + this.email + ", hidden]";
	}
}
