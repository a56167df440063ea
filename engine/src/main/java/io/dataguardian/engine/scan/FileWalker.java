package io.dataguardian.engine.scan;

import io.dataguardian.engine.finding.FileError;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Enumerates the files of a request: applies include/exclude globs, .gitignore files, the path
 * allow-list and the size limit; follows symbolic links without looping (each real directory is
 * entered once).
 */
final class FileWalker {

    /** One file to scan. */
    record Candidate(Path file, String path, long size) {
    }

    private final ScanRequest request;
    private final List<Glob> includes;
    private final List<Glob> excludes;
    private final List<Glob> allowPaths;
    private final Path base;
    private final List<Candidate> candidates = new ArrayList<>();
    private final List<FileError> errors = new ArrayList<>();
    private final Map<String, Long> skipped = new TreeMap<>();
    private final Set<Path> visitedDirs = new HashSet<>();
    private final Set<Path> seenFiles = new HashSet<>();

    FileWalker(ScanRequest request) {
        this.request = request;
        this.includes = Glob.compileAll(request.includes());
        this.excludes = Glob.compileAll(request.excludes());
        this.allowPaths = Glob.compileAll(request.allowPaths());
        this.base = baseDirectory(request.roots());
    }

    static Path baseDirectory(List<Path> roots) {
        List<Path> abs = roots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        if (abs.size() == 1) {
            Path only = abs.get(0);
            return Files.isDirectory(only) ? only : parentOf(only);
        }
        Path common = parentOf(abs.get(0));
        for (Path p : abs) {
            Path parent = parentOf(p);
            while (!parent.startsWith(common)) {
                common = parentOf(common);
            }
        }
        return common;
    }

    private static Path parentOf(Path p) {
        Path parent = p.getParent();
        return parent == null ? p.getRoot() : parent;
    }

    Path base() {
        return base;
    }

    List<Candidate> candidates() {
        return candidates;
    }

    List<FileError> errors() {
        return errors;
    }

    Map<String, Long> skipped() {
        return skipped;
    }

    void walk() {
        for (Path root : request.roots()) {
            Path abs = root.toAbsolutePath().normalize();
            BasicFileAttributes attrs;
            try {
                attrs = attributes(abs);
            } catch (NoSuchFileException e) {
                errors.add(new FileError(display(abs), "not-found", "no such file or directory"));
                continue;
            } catch (IOException e) {
                errors.add(new FileError(display(abs), "unreadable", describe(e)));
                continue;
            }
            if (attrs.isDirectory()) {
                GitIgnore.Chain chain = GitIgnore.Chain.EMPTY;
                walkDirectory(abs, "", chain);
            } else if (attrs.isRegularFile()) {
                String rootRel = abs.getFileName().toString();
                if (!excluded(rootRel, false, GitIgnore.Chain.EMPTY) && included(rootRel)) {
                    addFile(abs, rootRel, attrs.size());
                }
            } else {
                skip("not-a-regular-file");
            }
        }
    }

    private void walkDirectory(Path dir, String rootRel, GitIgnore.Chain chain) {
        Path real;
        try {
            real = request.followSymlinks() ? dir.toRealPath() : dir.toRealPath(LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            errors.add(new FileError(display(dir), "unreadable", describe(e)));
            return;
        }
        if (!visitedDirs.add(real)) {
            skip("symlink-loop");
            return;
        }
        if (request.gitignore()) {
            Path gi = dir.resolve(".gitignore");
            if (Files.isRegularFile(gi)) {
                try {
                    chain = chain.with(GitIgnore.load(rootRel, gi));
                } catch (IOException e) {
                    errors.add(new FileError(display(gi), "unreadable", describe(e)));
                }
            }
        }
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                entries.add(p);
            }
        } catch (IOException e) {
            errors.add(new FileError(display(dir), "unreadable", "directory could not be listed: " + describe(e)));
            return;
        }
        entries.sort(null);
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            String childRel = rootRel.isEmpty() ? name : rootRel + "/" + name;
            BasicFileAttributes attrs;
            boolean link = false;
            try {
                // one lstat per entry; a second stat only for a link that is followed
                attrs = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                link = attrs.isSymbolicLink();
                if (link && !request.followSymlinks()) {
                    skip("symlink");
                    continue;
                }
                if (link) {
                    attrs = Files.readAttributes(entry, BasicFileAttributes.class);
                }
            } catch (NoSuchFileException e) {
                skip(link ? "broken-symlink" : "vanished");
                continue;
            } catch (IOException e) {
                errors.add(new FileError(display(entry), "unreadable", describe(e)));
                continue;
            }
            if (attrs.isDirectory()) {
                if (request.gitignore() && name.equals(".git")) {
                    continue;
                }
                if (!excluded(childRel, true, chain)) {
                    walkDirectory(entry, childRel, chain);
                }
            } else if (attrs.isRegularFile()) {
                if (!excluded(childRel, false, chain) && included(childRel)) {
                    addFile(entry, childRel, attrs.size());
                }
            } else {
                skip("not-a-regular-file");
            }
        }
    }

    private boolean excluded(String rootRel, boolean directory, GitIgnore.Chain chain) {
        if (Glob.anyMatches(excludes, rootRel)) {
            skip("excluded");
            return true;
        }
        if (request.gitignore() && chain.ignored(rootRel, directory)) {
            skip("gitignored");
            return true;
        }
        return false;
    }

    private boolean included(String rootRel) {
        if (includes.isEmpty() || Glob.anyMatches(includes, rootRel)) {
            return true;
        }
        skip("not-included");
        return false;
    }

    private void addFile(Path file, String rootRel, long size) {
        Path key = file.toAbsolutePath().normalize();
        if (!seenFiles.add(key)) {
            return;
        }
        String path = display(file);
        if (Glob.anyMatches(allowPaths, path) || Glob.anyMatches(allowPaths, rootRel)) {
            skip("allow-listed");
            return;
        }
        if (size > request.maxFileBytes()) {
            skip("too-large");
            errors.add(new FileError(path, "too-large", "file is " + Sizes.format(size) + ", larger than the "
                    + Sizes.format(request.maxFileBytes()) + " limit; not scanned"));
            return;
        }
        candidates.add(new Candidate(file, path, size));
    }

    private BasicFileAttributes attributes(Path p) throws IOException {
        return request.followSymlinks() ? Files.readAttributes(p, BasicFileAttributes.class)
                : Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }

    /** The location path: relative to the base directory, '/'-separated. */
    String display(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        String rel = abs.startsWith(base) ? base.relativize(abs).toString() : abs.toString();
        if (rel.isEmpty()) {
            rel = abs.getFileName() == null ? abs.toString() : abs.getFileName().toString();
        }
        return rel.replace(java.io.File.separatorChar, '/');
    }

    private void skip(String reason) {
        skipped.merge(reason, 1L, Long::sum);
    }

    static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "file vanished during the scan";
        }
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
