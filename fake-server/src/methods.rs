//! Choosing the methods to serve.

use std::collections::BTreeSet;

use typed_slack::runtime::MethodInfo;

/// The methods of `families` (the Cargo features of `typed-slack`: a method's family is
/// the first part of its name), or all of them when none is given.
///
/// # Errors
///
/// When a family has no method, naming the families there are.
pub(crate) fn of_families(catalog: Vec<MethodInfo>, families: &[String]) -> Result<Vec<MethodInfo>, String> {
    let family = |info: &MethodInfo| info.name.split('.').next().unwrap_or_default().to_owned();
    let known: BTreeSet<String> = catalog.iter().map(family).collect();
    if let Some(unknown) = families.iter().find(|name| !known.contains(*name)) {
        let known: Vec<&str> = known.iter().map(String::as_str).collect();
        return Err(format!("no method family {unknown:?}; the families are: {}", known.join(", ")));
    }
    Ok(catalog.into_iter().filter(|info| families.is_empty() || families.contains(&family(info))).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serves_all_families_or_those_given() {
        let all = typed_slack::catalog();
        assert_eq!(of_families(all.clone(), &[]).unwrap().len(), all.len());
        let apps = of_families(all.clone(), &["apps".to_owned()]).unwrap();
        assert!(apps.iter().all(|info| info.name.starts_with("apps.")) && !apps.is_empty());
        let error = of_families(all, &["nope".to_owned()]).unwrap_err();
        assert!(error.starts_with("no method family \"nope\"; the families are: "), "{error}");
        assert!(error.contains("apps"), "{error}");
    }
}
