//! `parallax pan` and `parallax pan-eval`: the PAN corpus's folders read and
//! written here, the alignment and the scoring in the library (`parallax::internals::pan`).

use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};

use parallax::internals::align::AlignOptions;
use parallax::internals::pan::{self, eval, xml, Annotation, PairResult, PanDoc, Scores};

/// Reads every document of `pairs` once (a document in many pairs is read and
/// scanned once) and aligns each pair; `emit` receives each pair's detections.
pub(crate) fn align_pairs(
    pairs: &[(String, String)],
    src_dir: &Path,
    susp_dir: &Path,
    options: &AlignOptions,
    mut emit: impl FnMut(&str, &str, Vec<Annotation>) -> io::Result<()>,
) -> io::Result<()> {
    let mut sources: HashMap<&str, PanDoc> = HashMap::new();
    let mut order: Vec<&(String, String)> = pairs.iter().collect();
    order.sort();
    let mut current: Option<(&str, PanDoc)> = None;
    for (susp_name, src_name) in order {
        if current.as_ref().map(|c| c.0) != Some(susp_name.as_str()) {
            current = Some((susp_name, PanDoc::new(read(&susp_dir.join(susp_name))?)));
        }
        if !sources.contains_key(src_name.as_str()) {
            let doc = PanDoc::new(read(&src_dir.join(src_name))?);
            sources.insert(src_name, doc);
        }
        if let (Some((_, susp)), Some(source)) = (&current, sources.get(src_name.as_str())) {
            emit(susp_name, src_name, pan::detect(susp, source, options))?;
        }
    }
    Ok(())
}

/// `parallax pan`: aligns the pairs listed in `pairs_file` and writes one detection
/// file per pair into `out_dir`. Returns the number of pairs.
pub(crate) fn run(
    pairs_file: &Path,
    src_dir: &Path,
    susp_dir: &Path,
    out_dir: &Path,
) -> io::Result<usize> {
    let pairs = pan::read_pairs(&read(pairs_file)?);
    std::fs::create_dir_all(out_dir)?;
    align_pairs(
        &pairs,
        src_dir,
        susp_dir,
        &AlignOptions::pan(),
        |susp, src, found| {
            std::fs::write(
                out_dir.join(pan::detection_name(susp, src)),
                xml::write(susp, src, &found),
            )
        },
    )?;
    Ok(pairs.len())
}

/// Scores of one folder of truth files (or of all of them: `folder` "overall").
#[derive(Debug, Clone)]
pub(crate) struct FolderScores {
    /// The folder's name.
    pub(crate) folder: String,
    /// Its scores.
    pub(crate) scores: Scores,
}

/// `parallax pan-eval`: scores the detection files in `detections_dir` against the
/// truth files in each sub-folder of `truth_dir` (or in `truth_dir` itself), per
/// folder and overall. A missing detection file counts as no detection.
pub(crate) fn evaluate(truth_dir: &Path, detections_dir: &Path) -> io::Result<Vec<FolderScores>> {
    let mut folders: Vec<PathBuf> = std::fs::read_dir(truth_dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir() && has_xml(p) && !same_dir(p, detections_dir))
        .collect();
    folders.sort();
    if folders.is_empty() {
        folders.push(truth_dir.to_path_buf());
    }
    let mut all = Vec::new();
    let mut table = Vec::new();
    for folder in folders {
        let results = folder_results(&folder, detections_dir)?;
        table.push(FolderScores {
            folder: folder.file_name().map_or_else(
                || folder.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            scores: eval::score(&results),
        });
        all.extend(results);
    }
    table.push(FolderScores {
        folder: "overall".into(),
        scores: eval::score(&all),
    });
    Ok(table)
}

fn same_dir(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

fn has_xml(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|mut entries| {
        entries.any(|e| e.is_ok_and(|e| e.path().extension().is_some_and(|x| x == "xml")))
    })
}

fn folder_results(folder: &Path, detections_dir: &Path) -> io::Result<Vec<PairResult>> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(folder)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "xml"))
        .collect();
    names.sort();
    names
        .iter()
        .map(|truth| {
            let cases = xml::parse(&read(truth)?, "plagiarism");
            let detected = detections_dir.join(truth.file_name().unwrap_or_default());
            let detections = match std::fs::read_to_string(&detected) {
                Ok(text) => xml::parse(&text, "detected-plagiarism"),
                Err(e) if e.kind() == io::ErrorKind::NotFound => Vec::new(),
                Err(e) => return Err(e),
            };
            Ok(PairResult { cases, detections })
        })
        .collect()
}

/// Reads a text file; bytes that are not UTF-8 become U+FFFD (one code point each,
/// as PAN's own tools read them).
fn read(path: &Path) -> io::Result<String> {
    let bytes = std::fs::read(path)
        .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
    Ok(String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
}
