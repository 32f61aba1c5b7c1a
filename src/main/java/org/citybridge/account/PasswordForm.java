package org.citybridge.account;

/** A new password, typed twice; the current one too when a signed-in user changes theirs. */
public record PasswordForm(String current, String password, String confirmation) {

	public static PasswordForm empty() {
		return new PasswordForm("", "", "");
	}

	@Override
	public String toString() {
		return "PasswordForm[hidden]";
	}
}
