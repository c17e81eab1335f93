package org.sn1gateway.app.loadtest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.Optional;

/**
 * The CPU time one process spent during a load test: what tells the gateway's cost per chat apart from
 * that of the load generator and the miners when all of them share one machine's cores.
 *
 * @param process "loadtest" for the load generator itself, otherwise {@code pid N}
 */
public record CpuShare(@JsonProperty("process") String process, @JsonProperty("cpu_seconds") double cpuSeconds,
                       @JsonProperty("cores") double cores, @JsonProperty("ms_per_chat") double millisPerChat) {

    /** A process's CPU time so far, to be compared with a later reading. */
    public record Reading(String process, ProcessHandle handle, Duration cpu) {
        public static Reading of(String process, ProcessHandle handle) {
            return new Reading(process, handle, cpuTime(handle).orElseThrow(() -> new IllegalArgumentException(
                    "the CPU time of " + process + " cannot be read on this system")));
        }

        public CpuShare since(double seconds, int chats) {
            double used = (cpuTime(handle).orElse(cpu).toNanos() - cpu.toNanos()) / 1e9;
            return new CpuShare(process, used, used / seconds, chats == 0 ? 0 : used * 1_000 / chats);
        }

        private static Optional<Duration> cpuTime(ProcessHandle handle) {
            return handle.info().totalCpuDuration();
        }
    }
}
