def test_officer_sees_list(client_for, olga, ecosystem_a, ecosystem_b):
    response = client_for(olga).get("/ecosystems/")
    assert response.status_code == 200
    assert "Rymdekosystemet A" in response.content.decode()
