package io.qubench.transpile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.qubench.device.Device;

/**
 * The device's usable couplers as an undirected graph for placement and routing (a SWAP works
 * on either direction), with the directed edges kept for the native gate's orientation, and
 * all-pairs hop distances.
 */
final class CouplingGraph {

    static final int UNREACHABLE = Integer.MAX_VALUE / 4;

    private final String name;
    private final int size;
    private final List<int[]> neighbours;
    private final Set<Long> directed = new HashSet<>();
    private final int[][] distance;

    CouplingGraph(Device device) {
        name = device.name();
        size = device.qubits();
        List<List<Integer>> adj = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            adj.add(new ArrayList<>());
        }
        for (Device.Edge e : device.usableEdges()) {
            directed.add(key(e.control(), e.target()));
            if (!adj.get(e.control()).contains(e.target())) {
                adj.get(e.control()).add(e.target());
                adj.get(e.target()).add(e.control());
            }
        }
        neighbours = adj.stream().map(l -> l.stream().sorted().mapToInt(Integer::intValue).toArray()).toList();
        distance = new int[size][];
        for (int s = 0; s < size; s++) {
            distance[s] = bfs(s);
        }
    }

    private int[] bfs(int source) {
        int[] d = new int[size];
        Arrays.fill(d, UNREACHABLE);
        d[source] = 0;
        ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(source));
        while (!queue.isEmpty()) {
            int a = queue.poll();
            for (int b : neighbours.get(a)) {
                if (d[b] == UNREACHABLE) {
                    d[b] = d[a] + 1;
                    queue.add(b);
                }
            }
        }
        return d;
    }

    private static long key(int a, int b) {
        return ((long) a << 32) | b;
    }

    String name() {
        return name;
    }

    int size() {
        return size;
    }

    int[] neighbours(int p) {
        return neighbours.get(p);
    }

    int distance(int a, int b) {
        return distance[a][b];
    }

    boolean coupled(int a, int b) {
        return distance[a][b] == 1;
    }

    /** True when the native two-qubit gate may act with {@code a} first and {@code b} second. */
    boolean directed(int a, int b) {
        return directed.contains(key(a, b));
    }

    /** A shortest path from a to b, both included. */
    List<Integer> path(int a, int b) {
        List<Integer> path = new ArrayList<>(List.of(a));
        int at = a;
        while (at != b) {
            for (int n : neighbours.get(at)) {
                if (distance[n][b] == distance[at][b] - 1) {
                    at = n;
                    break;
                }
            }
            path.add(at);
        }
        return path;
    }
}
