//! Where installations are kept between requests.

use std::collections::HashMap;
use std::future::Future;
use std::sync::{Mutex, PoisonError};

use super::Installation;

/// Keeps installations, by organization and workspace: a database table in production,
/// [`MemoryInstallations`] in tests and single-process apps.
pub trait InstallationStore: Send + Sync {
    /// Saves `installation`, replacing the one of the same workspace (or organization).
    fn save(&self, installation: Installation) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// The installation for a workspace of an organization (either may be unknown); an
    /// organization-wide install answers for each of its workspaces.
    fn find(
        &self,
        enterprise_id: Option<&str>,
        team_id: Option<&str>,
    ) -> impl Future<Output = Result<Option<Installation>, StoreError>> + Send;
}

/// A store that failed: its own error, boxed.
#[derive(Debug, thiserror::Error)]
#[error("the installation store failed: {0}")]
pub struct StoreError(#[from] pub Box<dyn std::error::Error + Send + Sync>);

/// An installation's key: its organization and workspace (`None` for an install on the
/// whole organization).
type Key = (Option<String>, Option<String>);

/// Installations in memory.
#[derive(Debug, Default)]
pub struct MemoryInstallations(Mutex<HashMap<Key, Installation>>);

impl MemoryInstallations {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }
}

impl InstallationStore for MemoryInstallations {
    async fn save(&self, installation: Installation) -> Result<(), StoreError> {
        let team = if installation.is_enterprise_install {
            None
        } else {
            installation.team_id.as_ref().map(|id| id.as_str().to_owned())
        };
        let key = (installation.enterprise_id.clone(), team);
        self.0.lock().unwrap_or_else(PoisonError::into_inner).insert(key, installation);
        Ok(())
    }

    async fn find(
        &self,
        enterprise_id: Option<&str>,
        team_id: Option<&str>,
    ) -> Result<Option<Installation>, StoreError> {
        let installations = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        let enterprise = enterprise_id.map(str::to_owned);
        let exact = installations.get(&(enterprise.clone(), team_id.map(str::to_owned)));
        let organization = || enterprise.is_some().then(|| installations.get(&(enterprise.clone(), None))).flatten();
        Ok(exact.or_else(organization).cloned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn installation(enterprise: Option<&str>, team: Option<&str>, organization_wide: bool) -> Installation {
        Installation {
            team_id: team.map(Into::into),
            team_name: None,
            enterprise_id: enterprise.map(str::to_owned),
            is_enterprise_install: organization_wide,
            app_id: "A1".into(),
            bot_user_id: None,
            bot_token: None,
            bot_scopes: Vec::new(),
            bot_refresh: None,
            user_id: None,
            user_token: None,
            user_scopes: Vec::new(),
            user_refresh: None,
        }
    }

    #[tokio::test]
    async fn an_organization_wide_install_answers_for_each_of_its_workspaces() {
        let store = MemoryInstallations::new();
        store.save(installation(None, Some("T1"), false)).await.unwrap();
        store.save(installation(Some("E1"), Some("T2"), true)).await.unwrap();
        assert!(store.find(None, Some("T1")).await.unwrap().is_some());
        assert!(store.find(Some("E1"), Some("T9")).await.unwrap().is_some_and(|found| found.is_enterprise_install));
        assert!(store.find(Some("E2"), Some("T9")).await.unwrap().is_none());
        assert!(store.find(None, Some("T2")).await.unwrap().is_none());
    }
}
