package io.callbook.loadtest.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** What the benches read from Linux's {@code /proc}: CPU ticks of processes and of the whole machine, and memory. */
public final class ProcFs {

    /** USER_HZ: the unit of every CPU time in {@code /proc}. */
    static final long TICKS_PER_SECOND = ticksPerSecond();

    private ProcFs() {
    }

    /**
     * The CPU fields of {@code /proc/<pid>/stat}, in clock ticks.
     *
     * @param childrenTicks cutime + cstime: the CPU of children that ended and were waited for, so a PostgreSQL
     *                      backend that exits during a run still counts
     */
    record Stat(long pid, long parentPid, long ownTicks, long childrenTicks) {

        static Stat parse(long pid, String line) {
            // the command name (field 2) may hold spaces and parentheses: count fields after its closing ')'
            String[] fields = line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
            // fields 4, 14, 15, 16, 17 of proc(5): ppid, utime, stime, cutime, cstime
            return new Stat(pid, Long.parseLong(fields[1]), Long.parseLong(fields[11]) + Long.parseLong(fields[12]),
                    Long.parseLong(fields[13]) + Long.parseLong(fields[14]));
        }
    }

    static Optional<Stat> stat(long pid) {
        try {
            return Optional.of(Stat.parse(pid, Files.readString(Path.of("/proc", Long.toString(pid), "stat"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // gone, or not Linux
        }
    }

    /** utime + stime of the process alone, or -1 when it cannot be read. */
    static long ownTicks(long pid) {
        return stat(pid).map(Stat::ownTicks).orElse(-1L);
    }

    /**
     * Everything the process and its descendants have spent, or -1 when the process cannot be read: each living
     * one's own ticks plus what its ended children spent. Deltas of this stay right while workers come and go.
     */
    static long treeTicks(long pid) {
        List<Stat> tree = tree(pid);
        return tree.isEmpty() ? -1 : treeTicks(tree);
    }

    static long treeTicks(List<Stat> tree) {
        return tree.stream().mapToLong(stat -> stat.ownTicks() + stat.childrenTicks()).sum();
    }

    /** The pids of the process and every living descendant; empty when the process is gone. */
    public static List<Long> treePids(long pid) {
        return tree(pid).stream().map(Stat::pid).toList();
    }

    /** The process and every living descendant; empty when the process is gone. */
    static List<Stat> tree(long pid) {
        Map<Long, List<Stat>> byParent = new HashMap<>();
        Stat root = null;
        for (Stat stat : allProcesses()) {
            byParent.computeIfAbsent(stat.parentPid(), parent -> new ArrayList<>()).add(stat);
            if (stat.pid() == pid) {
                root = stat;
            }
        }
        return root == null ? List.of() : descendants(root, byParent);
    }

    static List<Stat> descendants(Stat root, Map<Long, List<Stat>> byParent) {
        List<Stat> tree = new ArrayList<>();
        List<Stat> next = new ArrayList<>(List.of(root));
        while (!next.isEmpty()) {
            Stat stat = next.remove(next.size() - 1);
            tree.add(stat);
            next.addAll(byParent.getOrDefault(stat.pid(), List.of()));
        }
        return tree;
    }

    private static List<Stat> allProcesses() {
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            return entries.map(entry -> entry.getFileName().toString()).filter(name -> name.matches("\\d+"))
                    .map(name -> stat(Long.parseLong(name))).flatMap(Optional::stream).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Busy ticks of all cores together (everything but idle and iowait), or -1 without {@code /proc/stat}. */
    static long machineBusyTicks() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/stat"))) {
            return lines.filter(line -> line.startsWith("cpu ")).findFirst().map(ProcFs::busyTicks).orElse(-1L);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** @param cpuLine the first line of {@code /proc/stat}: "cpu user nice system idle iowait irq softirq steal ..." */
    static long busyTicks(String cpuLine) {
        String[] fields = cpuLine.trim().split("\\s+");
        long busy = 0;
        // guest time is already part of user time; idle (4) and iowait (5) are not work
        for (int field = 1; field <= Math.min(8, fields.length - 1); field++) {
            if (field != 4 && field != 5) {
                busy += Long.parseLong(fields[field]);
            }
        }
        return busy;
    }

    /** Resident memory in KiB, 0 when the process is gone. */
    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D+", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone
        }
        return 0;
    }

    /** The command line's arguments; empty when the process is gone or not ours to read. */
    public static List<String> commandLine(long pid) {
        try {
            byte[] args = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return args.length == 0 ? List.of() : List.of(new String(args, StandardCharsets.UTF_8).split("\0"));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static long ticksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String value = new String(getconf.getInputStream().readAllBytes()).trim();
            getconf.waitFor(5, TimeUnit.SECONDS);
            return Long.parseLong(value);
        } catch (IOException | RuntimeException e) {
            return 100; // USER_HZ on every mainstream Linux
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
