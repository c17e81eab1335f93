package org.sn1gateway.domain.fakes;

import java.util.List;
import java.util.stream.IntStream;
import org.sn1gateway.domain.model.AxonEndpoint;
import org.sn1gateway.domain.model.Miner;

/** Builders for miners in tests. */
public final class MinerFixtures {
    private MinerFixtures() {
    }

    /** A serving miner with no permit, small stake and the given incentive. */
    public static Miner miner(int uid, double incentive) {
        return new Miner(uid, "hotkey-" + uid, "coldkey-" + uid, new AxonEndpoint("10.0.0." + (uid + 1), 8091),
                incentive, 10, false);
    }

    public static Miner miner(int uid) {
        return miner(uid, 0.01 * uid);
    }

    /** Serving miners with uids 0..n-1. */
    public static List<Miner> miners(int n) {
        return IntStream.range(0, n).mapToObj(MinerFixtures::miner).toList();
    }

    public static Miner validator(int uid, double stake) {
        Miner base = miner(uid);
        return new Miner(uid, base.hotkey(), base.coldkey(), base.axon(), base.incentive(), stake, true);
    }

    public static Miner notServing(int uid) {
        Miner base = miner(uid);
        return new Miner(uid, base.hotkey(), base.coldkey(), new AxonEndpoint("0.0.0.0", 0), base.incentive(),
                base.stake(), false);
    }
}
