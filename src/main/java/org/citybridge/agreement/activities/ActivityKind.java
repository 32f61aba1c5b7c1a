package org.citybridge.agreement.activities;

/** What the partners did together; each has its message {@code activity.kind.<KIND>}. */
public enum ActivityKind {
	EXCHANGE_VISIT, JOINT_PROJECT, STUDY_VISIT, JOINT_EVENT, TRAINING, TECHNICAL_ASSISTANCE
}
