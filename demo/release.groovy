// The demo release: the Jenkinsfile body scripts/demo-release rehearses with the library in library/, over two local
// hosts (web-1, web-2: two sshd sharing one podman and one nginx, so each has its own app folder and ports, given to
// the phases through hostVars). scripts/demo-release fills in @HOST_VARS@.
def release = deployRelease(
    hosts: ['web-1', 'web-2'], batch: 1, canary: true, pauseBetween: '2s', rollbackOnFailure: true,
    version: 'release 2', previousVersion: 'release 1',
    hostVars: @HOST_VARS@,
    preflight: [paths: ['/'], minFreeDisk: '256MB', requireCommands: ['docker', 'docker-compose', 'nginx']],
    backend: [dir: '{dir}', project: '{project}', backupDir: '{backups}', requiredEnv: ['DATABASE_URL'],
              waitTimeout: '60s', stableFor: '2s', logsTail: 10],
    proxy: [site: '{site}', location: '/app/', proxyPass: 'http://127.0.0.1:{webPort}/', backupDir: '{siteBackups}',
            verifyUrl: 'http://127.0.0.1:{sitePort}/app/'],
    verify: [checks: [[name: 'app', url: 'http://127.0.0.1:{webPort}/', expectBodyContains: 'release 2'],
                      [name: 'app through nginx', url: 'http://127.0.0.1:{sitePort}/app/', expectBodyContains: 'release 2']],
             waitTimeout: '30s'])
echo "web-1 runs ${release.hosts['web-1'].version}, web-2 runs ${release.hosts['web-2'].version}"
release
