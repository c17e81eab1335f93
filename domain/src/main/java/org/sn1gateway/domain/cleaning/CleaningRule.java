package org.sn1gateway.domain.cleaning;

/** One named test of whether a miner's answer is worth delivering. */
public interface CleaningRule {
    /** Short snake_case name, used as the reason's prefix in logs and summaries. */
    String name();

    Verdict judge(Answer answer);
}
